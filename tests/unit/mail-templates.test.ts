import { describe, expect, it } from "vitest";
import { generationResultMail, passwordResetMail, verifyEmailMail } from "../../lib/mail/templates/account-mails";
import { plural } from "../../lib/text/plural";

describe("mail templates", () => {
  it("put the action link in both the text and the HTML part, escaped in HTML", () => {
    const link = "http://localhost:3000/auth/action?mode=verifyEmail&oobCode=abc<d>";
    const mail = verifyEmailMail({ to: "a@example.test", link });
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('href="http://localhost:3000/auth/action?mode=verifyEmail&amp;oobCode=abc&lt;d&gt;"');
    expect(mail.html).not.toContain("<d>");
    expect(passwordResetMail({ to: "a@example.test", link }).subject).toBe("Reset your password");
  });

  it("say how many images are ready, and that points of missing ones came back", () => {
    const link = "http://localhost:3000/generations/g1";
    expect(generationResultMail({ to: "a@example.test", link, made: 1, requested: 1 }).text).toContain(
      "Your image is ready.",
    );
    expect(generationResultMail({ to: "a@example.test", link, made: 3, requested: 3 }).text).toContain(
      "Your 3 images are ready.",
    );
    expect(generationResultMail({ to: "a@example.test", link, made: 2, requested: 4 }).text).toContain(
      "2 of your 4 images are ready; the points for the others were returned.",
    );
  });

  it("count in English", () => {
    expect([plural(1, "image"), plural(2, "image"), plural(1000, "point")]).toEqual([
      "1 image",
      "2 images",
      "1,000 points",
    ]);
  });
});
