/**
 * @jest-environment node
 */
// The mail catcher outlives a sender killed mid-message (its connection reset), as when a test stops a server.
import net from 'node:net';
import nodemailer from 'nodemailer';
import { startMailCatcher } from '../../helpers/mail-catcher';

/** Speaks SMTP up to the middle of a message's body, then resets the connection (RST, as a killed process's socket can). */
async function resetMidMessage(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  const replies: string[] = [];
  socket.on('data', (chunk) => replies.push(String(chunk)));
  // One final reply line ("250 …", not "250-…") per command, after the greeting.
  const answered = async (n: number) => {
    while (
      replies
        .join('')
        .split('\r\n')
        .filter((line) => /^\d{3} /.test(line)).length < n
    )
      await new Promise((resolve) => setTimeout(resolve, 10));
  };
  await answered(1);
  const commands = ['EHLO killed.example.org', 'MAIL FROM:<hearth@example.org>', 'RCPT TO:<reader@example.org>', 'DATA'];
  for (const [i, command] of commands.entries()) {
    socket.write(`${command}\r\n`);
    await answered(i + 2);
  }
  expect(replies.join('')).toMatch(/\r\n354 /);
  socket.write('Subject: half a message\r\n\r\nThe first line of a body that never ends');
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.resetAndDestroy();
}

it('keeps catching mail after a sender resets its connection in the middle of a message', async () => {
  const mail = await startMailCatcher();
  try {
    await resetMidMessage(Number(new URL(mail.url).port));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const transport = nodemailer.createTransport(`${mail.url}?ignoreTLS=true`);
    await transport.sendMail({ from: 'hearth@example.org', to: 'reader@example.org', subject: 'whole', text: 'A whole message.' });
    expect((await mail.waitFor('reader@example.org')).subject).toBe('whole');
    expect(mail.messages).toHaveLength(1);
  } finally {
    await mail.close();
  }
});
