import type { MailMessage } from "../mailer";
import { plural } from "../../text/plural";
import { composeMail } from "./layout";

export function verifyEmailMail(options: { to: string; link: string }): MailMessage {
  return {
    to: options.to,
    subject: "Confirm your email address",
    ...composeMail({
      paragraphs: [
        "Welcome to imagesfactory. Please confirm that this is your email address.",
        "If you did not sign up, ignore this mail.",
      ],
      action: { label: "Confirm my email", url: options.link },
    }),
  };
}

export function passwordResetMail(options: { to: string; link: string }): MailMessage {
  return {
    to: options.to,
    subject: "Reset your password",
    ...composeMail({
      paragraphs: [
        "Someone asked to reset the password of your imagesfactory account.",
        "If it was not you, ignore this mail: your password stays as it is.",
      ],
      action: { label: "Choose a new password", url: options.link },
    }),
  };
}

export function generationResultMail(options: {
  to: string;
  link: string;
  made: number;
  requested: number;
}): MailMessage {
  const summary =
    options.made === options.requested
      ? options.made === 1
        ? "Your image is ready."
        : `Your ${plural(options.made, "image")} are ready.`
      : `${options.made} of your ${options.requested} images are ready; the points for the others were returned.`;
  return {
    to: options.to,
    subject: "Your images are ready",
    ...composeMail({
      paragraphs: [
        summary,
        "They stay in your private gallery for 90 days; you can download or delete them at any time.",
      ],
      action: { label: "See my images", url: options.link },
    }),
  };
}
