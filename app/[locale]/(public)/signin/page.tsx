import type { Metadata } from "next";
import { SigninForm } from "@/components/account/signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SigninPage() {
  return (
    <div className="page--narrow">
      <h1>Sign in</h1>
      <SigninForm />
    </div>
  );
}
