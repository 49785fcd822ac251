/** A round avatar with the person's initials; decorative, since the name is always shown beside it. */
import { avatarHue, initialsOf } from '@/lib/initials';

export function InitialsAvatar({ name, size = 36 }: { name: string | null; size?: number }) {
  return (
    <span aria-hidden="true" className="avatar" style={{ width: size, height: size, fontSize: size * 0.42, background: `hsl(${avatarHue(name)} 45% 32%)` }}>
      {initialsOf(name)}
    </span>
  );
}
