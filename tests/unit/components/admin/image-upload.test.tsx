/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImageUpload } from '@/components/admin/image-upload';

const photo = () => new File(['fake image bytes'], 'garden.jpg', { type: 'image/jpeg' });

/** fetch answers only when the test says so, to see the widget while it waits. */
function answerLater() {
  let answer!: (response: { ok: boolean; status: number; json: () => Promise<unknown> }) => void;
  global.fetch = jest.fn(() => new Promise((resolve) => (answer = resolve))) as unknown as typeof fetch;
  return (status: number, body: unknown) => answer({ ok: status < 300, status, json: async () => body });
}

describe('ImageUpload', () => {
  it('offers only the accepted image types under its label', () => {
    render(<ImageUpload label="Cover image" onUploaded={jest.fn()} />);
    expect(screen.getByLabelText('Cover image')).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp,image/gif');
  });

  it('posts the chosen file, says it is uploading, then shows the sized thumbnail and hands the image over', async () => {
    const answer = answerLater();
    const onUploaded = jest.fn();
    render(<ImageUpload label="Cover image" onUploaded={onUploaded} />);
    await userEvent.upload(screen.getByLabelText('Cover image'), photo());

    expect(screen.getByRole('status')).toHaveTextContent('Uploading…');
    const [url, init] = jest.mocked(global.fetch).mock.calls[0];
    expect(url).toBe('/api/admin/uploads');
    expect(init).toMatchObject({ method: 'POST' });
    expect((init!.body as FormData).get('file')).toMatchObject({ name: 'garden.jpg' });

    const image = { id: 7, url: '/media/0123456789abcdef0123456789abcdef.webp', width: 1600, height: 1067 };
    answer(201, image);
    expect(await screen.findByText('Uploaded (1600 × 1067 pixels).')).toBeInTheDocument();
    expect(onUploaded).toHaveBeenCalledWith(image);
    const thumbnail = document.querySelector('img');
    expect(thumbnail).toHaveAttribute('src', image.url);
    expect(thumbnail).toHaveAttribute('width', '1600');
    expect(thumbnail).toHaveAttribute('height', '1067');
  });

  it('announces the server’s refusal and hands nothing over', async () => {
    const answer = answerLater();
    const onUploaded = jest.fn();
    render(<ImageUpload label="Cover image" onUploaded={onUploaded} />);
    await userEvent.upload(screen.getByLabelText('Cover image'), photo());
    answer(415, { error: 'That file is not a JPEG, PNG, WebP or GIF image.' });
    expect(await screen.findByText('That file is not a JPEG, PNG, WebP or GIF image.')).toHaveAttribute('aria-live', 'polite');
    expect(onUploaded).not.toHaveBeenCalled();
    expect(document.querySelector('img')).toBeNull();
  });

  it('explains a proxy’s size refusal that is not JSON, and a lost connection', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 413, json: async () => Promise.reject(new SyntaxError('Unexpected token <')) })) as unknown as typeof fetch;
    render(<ImageUpload label="Cover image" onUploaded={jest.fn()} />);
    await userEvent.upload(screen.getByLabelText('Cover image'), photo());
    expect(await screen.findByText('That image is larger than 8 MB. Please choose a smaller one.')).toBeInTheDocument();

    global.fetch = jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await userEvent.upload(screen.getByLabelText('Cover image'), new File(['other'], 'other.png', { type: 'image/png' }));
    expect(await screen.findByText('The upload did not reach the server. Check your connection and try again.')).toBeInTheDocument();
  });
});
