import type { Metadata } from 'next';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { muteThreadAction } from '@/lib/actions/notifications';

export const metadata: Metadata = { title: 'Mute a conversation' };

type Props = { searchParams: Promise<{ token?: string }> };

// Reached from the link in a reply email. Mail scanners open links but do not press buttons,
// so nothing changes until the person presses "Mute".
export default async function MuteThreadPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="page-narrow">
      <h1>Mute this conversation?</h1>
      <p>You will stop getting emails about new replies in this conversation. Other conversations are not affected.</p>
      <OneButtonForm action={muteThreadAction} token={token ?? ''} label="Mute this conversation" pendingLabel="Muting…" />
    </div>
  );
}
