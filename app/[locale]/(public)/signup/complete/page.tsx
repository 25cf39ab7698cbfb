import type { Metadata } from "next";
import { CompleteSignupForm } from "@/components/account/complete-signup-form";

export const metadata: Metadata = { title: "Finish signing up" };

export default function CompleteSignupPage() {
  return (
    <div className="page--narrow">
      <h1>Finish signing up</h1>
      <p>You are signed in. Before you start, tell us your name, confirm your age and give the consents below.</p>
      <CompleteSignupForm />
    </div>
  );
}
