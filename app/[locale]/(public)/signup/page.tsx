import type { Metadata } from "next";
import { SignupForm } from "@/components/account/signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignupPage() {
  return (
    <div className="page--narrow">
      <h1>Create an account</h1>
      <SignupForm />
    </div>
  );
}
