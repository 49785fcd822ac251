// Runs once when the Next.js server starts: prepare the database before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./lib/startup');
    await prepareServer();
  }
}
