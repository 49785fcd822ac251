/** @jest-environment jsdom */
/**
 * The admin import form: the export is required and must be .xml, the archive .zip; the files go one after the
 * other as raw PUT bodies with their progress shown, then the job starts and its page opens; a refusal is
 * announced and nothing more is sent.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportForm } from '@/components/admin/import-form';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));

/** A stand-in for the browser's XMLHttpRequest that the test answers by hand. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  body: unknown;
  headers: Record<string, string> = {};
  status = 0;
  response: unknown = null;
  responseType = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.onload?.();
  }
}

const UPLOAD = '0f8fad5b-d9cb-469f-a165-70867728950e';
const xml = new File(['<?xml version="1.0"?><rss/>'], 'old-site.xml', { type: 'text/xml' });
const zip = new File(['PK\u0003\u0004'], 'uploads.zip', { type: 'application/zip' });

beforeEach(() => {
  FakeXhr.sent = [];
  push.mockReset();
  (global as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  global.fetch = jest.fn(async () => ({ ok: true, status: 201, json: async () => ({ job: 12 }) })) as unknown as typeof fetch;
});

const next = async () => {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
};

it('asks for the export before sending anything', async () => {
  render(<ImportForm />);
  await userEvent.click(screen.getByRole('button', { name: 'Start the import' }));
  expect(await screen.findByText('Choose the export file (.xml) WordPress made for you.')).toBeInTheDocument();
  expect(screen.getByLabelText('WordPress export (.xml)')).toHaveAttribute('aria-invalid', 'true');
  expect(FakeXhr.sent).toHaveLength(0);
});

it('refuses an export that is not .xml and an archive that is not .zip', async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<ImportForm />);
  await user.upload(screen.getByLabelText('WordPress export (.xml)'), new File(['x'], 'notes.pdf'));
  await user.upload(screen.getByLabelText(/uploads folder as a \.zip/), new File(['x'], 'photos.rar'));
  await user.click(screen.getByRole('button', { name: 'Start the import' }));
  expect(await screen.findByText('The export is an .xml file: in WordPress, Tools → Export → All content.')).toBeInTheDocument();
  expect(screen.getByText('The uploads must be a .zip of wp-content/uploads.')).toBeInTheDocument();
  expect(FakeXhr.sent).toHaveLength(0);
});

it('sends the export, then the archive with the export’s upload id, shows progress, starts the job and opens its page', async () => {
  const user = userEvent.setup();
  render(<ImportForm />);
  await user.upload(screen.getByLabelText('WordPress export (.xml)'), xml);
  await user.upload(screen.getByLabelText(/uploads folder as a \.zip/), zip);
  await user.click(screen.getByRole('checkbox', { name: /Try it first/ }));
  await user.click(screen.getByRole('button', { name: 'Start the import' }));
  await next();
  const [exported] = FakeXhr.sent;
  expect([exported.method, exported.url, exported.body, exported.headers['Content-Type']]).toEqual(['PUT', '/api/admin/import?part=export', xml, 'application/octet-stream']);
  act(() => exported.upload.onprogress!({ lengthComputable: true, loaded: 50, total: 200 }));
  expect(screen.getByRole('progressbar', { name: 'Sending old-site.xml' })).toHaveAttribute('value', '0.25');
  expect(screen.getByText('Sending old-site.xml: 25%')).toBeInTheDocument();
  await act(async () => exported.answer(201, { upload: UPLOAD, bytes: 30 }));
  await next();
  const archive = FakeXhr.sent[1];
  expect([archive.url, archive.body]).toEqual([`/api/admin/import?part=uploads&upload=${UPLOAD}`, zip]);
  await act(async () => archive.answer(201, { upload: UPLOAD, bytes: 4 }));
  await next();
  const [url, init] = jest.mocked(global.fetch).mock.calls[0];
  expect(url).toBe('/api/admin/import');
  expect(JSON.parse(String(init!.body))).toEqual({ uploadId: UPLOAD, fileName: 'old-site.xml', dryRun: true });
  expect(push).toHaveBeenCalledWith('/admin/import/12');
});

it('announces the server’s refusal and sends nothing more', async () => {
  const user = userEvent.setup();
  render(<ImportForm />);
  await user.upload(screen.getByLabelText('WordPress export (.xml)'), xml);
  await user.click(screen.getByRole('button', { name: 'Start the import' }));
  await next();
  await act(async () => FakeXhr.sent[0].answer(415, { error: 'This file is not a WordPress export.' }));
  expect(await screen.findByText('This file is not a WordPress export.')).toHaveAttribute('aria-live', 'polite');
  expect(FakeXhr.sent).toHaveLength(1);
  expect(global.fetch).not.toHaveBeenCalled();
  expect(push).not.toHaveBeenCalled();
});
