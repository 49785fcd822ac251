/** @jest-environment jsdom */
/** A running import's progress: read every second from its route, shown as a labelled bar, and the page refreshed once the job ends. */
import { act, render, screen } from '@testing-library/react';
import { ImportProgress, type ImportProgressState } from '@/components/admin/import-progress';

const refresh = jest.fn();
// Next's router object is the same on every render.
const router = { refresh };
jest.mock('next/navigation', () => ({ useRouter: () => router }));

let answers: ImportProgressState[] = [];
beforeEach(() => {
  jest.useFakeTimers();
  refresh.mockReset();
  answers = [];
  global.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => answers.shift() })) as unknown as typeof fetch;
});
afterEach(() => jest.useRealTimers());

const tick = () => act(async () => void (await jest.advanceTimersByTimeAsync(1000)));
const state = (over: Partial<ImportProgressState>): ImportProgressState => ({ status: 'running', stage: 'Reading the export', progressDone: 0, progressTotal: 0, interrupted: false, ...over });

it('polls its job every second, moves the bar and names the stage, then refreshes the page when it is done', async () => {
  render(<ImportProgress jobId={7} initial={state({ status: 'queued', stage: '' })} />);
  expect(screen.getByRole('progressbar', { name: 'Waiting to start' })).toHaveAttribute('value', '0');
  answers.push(state({ stage: 'Importing comments', progressDone: 30, progressTotal: 120 }));
  await tick();
  expect(global.fetch).toHaveBeenCalledWith('/api/admin/import/7', { cache: 'no-store' });
  expect(screen.getByRole('progressbar', { name: 'Importing comments' })).toHaveAttribute('value', '25');
  expect(screen.getByText('25% done')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Importing comments');
  expect(refresh).not.toHaveBeenCalled();
  answers.push(state({ status: 'done', stage: 'Finished', progressDone: 120, progressTotal: 120 }));
  await tick();
  expect(refresh).toHaveBeenCalledTimes(1);
  await tick();
  expect(global.fetch).toHaveBeenCalledTimes(2);
});

it('refreshes the page when the job turns out interrupted, and says so when the server does not answer', async () => {
  render(<ImportProgress jobId={8} initial={state({})} />);
  jest.mocked(global.fetch).mockRejectedValueOnce(new Error('offline'));
  await tick();
  expect(screen.getByRole('status')).toHaveTextContent('The server did not answer just now; trying again…');
  answers.push(state({ interrupted: true }));
  await tick();
  expect(refresh).toHaveBeenCalledTimes(1);
});
