/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsForm, type SettingsFormValues } from '@/components/admin/settings-form';
import type { ActionState } from '@/lib/actions/state';

const current: SettingsFormValues = {
  name: 'Hearth',
  tagline: '',
  about: '',
  communityLinks: [{ label: 'Forum', url: 'https://forum.example.org' }],
  supportResources: [],
  holdFirstComment: true,
  maxCommentLinks: '2',
  blockedWords: '',
  commentsMembersOnly: false,
  commentsNoSnippet: false,
  iconUploadId: '',
  logoUploadId: '7',
  timeZone: 'Asia/Kolkata',
  dateFormat: 'short',
};
const timeZones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/London'];
const logo = { url: '/media/logo.webp', width: 300, height: 80 };

function setup(result: ActionState = { ok: true, message: 'Saved.' }) {
  const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => result);
  render(<SettingsForm action={action} current={current} timeZones={timeZones} icon={null} logo={logo} />);
  const sent = () => action.mock.calls[0][1];
  return { action, sent };
}

describe('SettingsForm', () => {
  it('adds, reorders and removes community links, and sends them in the order shown', async () => {
    const { action, sent } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    await userEvent.type(screen.getByLabelText('Link 2: label'), 'Newsletter');
    await userEvent.type(screen.getByLabelText('Link 2: web address'), 'https://news.example.org');

    await userEvent.click(screen.getByRole('button', { name: 'Move link 2 up' }));
    expect(screen.getByLabelText('Link 1: label')).toHaveValue('Newsletter');
    expect(screen.getByLabelText('Link 2: label')).toHaveValue('Forum');

    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove link 3' }));
    expect(screen.queryByLabelText('Link 3: label')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(action).toHaveBeenCalledTimes(1);
    expect(sent().get('communityLinks.0.label')).toBe('Newsletter');
    expect(sent().get('communityLinks.0.url')).toBe('https://news.example.org');
    expect(sent().get('communityLinks.1.label')).toBe('Forum');
    expect(sent().get('communityLinks.2.label')).toBeNull();
  });

  it('keeps the two link lists apart', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Add resource' }));
    expect(screen.getByLabelText('Resource 1: label')).toHaveValue('');
    expect(screen.getByLabelText('Link 1: label')).toHaveValue('Forum');
  });

  it('shows what is wrong next to the field and sends nothing', async () => {
    const { action } = setup();
    await userEvent.clear(screen.getByLabelText('Site name'));
    await userEvent.type(screen.getByLabelText('Link 1: web address'), '{Control>}a{/Control}forum.example.org');
    await userEvent.clear(screen.getByLabelText(/Most links allowed/));
    await userEvent.type(screen.getByLabelText(/Most links allowed/), '50');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Give the site a name.')).toBeInTheDocument();
    expect(screen.getByText('Use a full web address starting with http:// or https://.')).toBeInTheDocument();
    expect(screen.getByText('Enter a whole number from 0 to 20.')).toBeInTheDocument();
    expect(screen.getByLabelText('Link 1: web address')).toHaveAttribute('aria-invalid', 'true');
    expect(action).not.toHaveBeenCalled();
  });

  it('shows the server’s answer when it refuses a field', async () => {
    setup({ ok: false, message: 'Please check the highlighted field.', fieldErrors: { blockedWords: ['Use at most 200 blocked words.'] } });
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Use at most 200 blocked words.')).toBeInTheDocument();
    // The form's own status line (each image upload has one of its own too).
    expect(screen.getByText('Please check the highlighted field.')).toHaveAttribute('role', 'status');
  });

  it('shows the site’s zone, format and logo, and sends the ones chosen (with the logo removed)', async () => {
    const { action, sent } = setup();
    expect(screen.getByLabelText('Time zone')).toHaveValue('Asia/Kolkata');
    expect(screen.getByRole('radio', { name: 'Short: 26 Nov 2026' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'US: November 26, 2026' })).not.toBeChecked();
    expect(screen.getByText(/Hearth’s own icon is used/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Time zone'), 'America/New_York');
    await userEvent.click(screen.getByRole('radio', { name: 'US: November 26, 2026' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove the logo' }));
    expect(screen.getByText(/the site’s name is shown/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(action).toHaveBeenCalledTimes(1);
    expect(sent().get('timeZone')).toBe('America/New_York');
    expect(sent().get('dateFormat')).toBe('us');
    expect(sent().get('logoUploadId')).toBe('');
    expect(sent().get('iconUploadId')).toBe('');
  });

  it('sends the current zone, format and logo untouched when nothing of them changed', async () => {
    const { sent } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(sent().get('timeZone')).toBe('Asia/Kolkata');
    expect(sent().get('dateFormat')).toBe('short');
    expect(sent().get('logoUploadId')).toBe('7');
  });
});
