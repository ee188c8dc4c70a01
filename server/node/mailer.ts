import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger, Mailer, MailMessage } from '../deps';
import { escapeHtml } from '../http/escape-html';

function toMail(from: string, message: MailMessage) {
  const html = message.action
    ? `<p>${escapeHtml(message.text).replaceAll('\n', '<br>')}</p>` +
      `<p><a href="${escapeHtml(message.action.url)}">${escapeHtml(message.action.label)}</a></p>`
    : undefined;
  return { from, to: message.to, subject: message.subject, text: message.text, html };
}

/** Sends through SMTP_URL. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail(toMail(from, message));
    },
  };
}

/**
 * Without SMTP, each email becomes an RFC 5322 .eml file in the outbox folder (open it in any mail
 * client), and its link is printed to the log so a first-time operator can sign in at once.
 */
export function outboxMailer(outboxDir: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(toMail(from, message));
      await mkdir(outboxDir, { recursive: true });
      const safeTo = message.to.replace(/[^a-z0-9@._-]/gi, '_');
      const file = join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeTo}.eml`);
      await writeFile(file, info.message as Buffer);
      logger.info(`email to ${message.to}: "${message.subject}" written to ${file}`);
      if (message.action) logger.info(`${message.action.label} link for ${message.to}: ${message.action.url}`);
    },
  };
}
