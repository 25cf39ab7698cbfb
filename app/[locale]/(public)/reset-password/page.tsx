import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ResetPasswordPage() {
  return (
    <div className="page--narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address of your account and we will mail you a link to choose a new password.</p>
      <ResetPasswordForm />
    </div>
  );
}
