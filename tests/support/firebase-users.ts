/**
 * Test users made through the Auth emulator's REST API, the same endpoints the
 * Firebase client SDK calls.
 */
import { randomUUID } from "node:crypto";

export interface TestUser {
  uid: string;
  email: string;
  password: string;
  idToken: string;
}

function emulatorHost(): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host)
    throw new Error("FIREBASE_AUTH_EMULATOR_HOST is not set; the integration global setup starts the emulator.");
  return host;
}

async function identityToolkit<T>(method: string, body: unknown): Promise<T> {
  const response = await fetch(
    `http://${emulatorHost()}/identitytoolkit.googleapis.com/v1/${method}?key=demo-api-key`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  );
  const data = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`${method} failed: ${data.error?.message ?? response.status}`);
  return data;
}

export async function signUpUser(
  email = `member-${randomUUID()}@example.test`,
  password = "correct horse battery",
): Promise<TestUser> {
  const data = await identityToolkit<{ localId: string; idToken: string }>("accounts:signUp", {
    email,
    password,
    returnSecureToken: true,
  });
  return { uid: data.localId, email, password, idToken: data.idToken };
}

export async function signInUser(email: string, password: string): Promise<string> {
  const data = await identityToolkit<{ idToken: string }>("accounts:signInWithPassword", {
    email,
    password,
    returnSecureToken: true,
  });
  return data.idToken;
}

/** Applies an out-of-band code (email confirmation), as the browser's action page does. */
export async function applyOobCode(oobCode: string): Promise<void> {
  await identityToolkit("accounts:update", { oobCode });
}

export async function resetPasswordWithCode(oobCode: string, newPassword: string): Promise<void> {
  await identityToolkit("accounts:resetPassword", { oobCode, newPassword });
}

/**
 * Signs in a Google account through the emulator's IdP endpoint, as the client SDK
 * does after the Google popup (the emulator accepts an unsigned credential).
 */
export async function signInWithGoogle(profile: {
  sub: string;
  email: string;
  name: string;
  /** The address of the Google account's profile picture, as Google's ID token carries it. */
  picture?: string;
}): Promise<{ uid: string; idToken: string }> {
  const idToken = JSON.stringify({
    sub: profile.sub,
    email: profile.email,
    email_verified: true,
    name: profile.name,
    ...(profile.picture === undefined ? {} : { picture: profile.picture }),
  });
  const data = await identityToolkit<{ localId: string; idToken: string }>("accounts:signInWithIdp", {
    postBody: `id_token=${encodeURIComponent(idToken)}&providerId=google.com`,
    requestUri: "http://localhost",
    returnSecureToken: true,
    returnIdpCredential: true,
  });
  return { uid: data.localId, idToken: data.idToken };
}

/**
 * Asks for an email change as the client SDK's verifyBeforeUpdateEmail does: the
 * identity service mails a link to the new address, and nothing changes until it is
 * followed. Answers the out-of-band code that mail carries, read from the emulator.
 */
export async function requestEmailChange(idToken: string, newEmail: string): Promise<string> {
  await identityToolkit("accounts:sendOobCode", { requestType: "VERIFY_AND_CHANGE_EMAIL", idToken, newEmail });
  const project = process.env.FIREBASE_PROJECT_ID;
  const response = await fetch(`http://${emulatorHost()}/emulator/v1/projects/${project}/oobCodes`);
  const { oobCodes } = (await response.json()) as {
    oobCodes: { email: string; requestType: string; oobCode: string; newEmail?: string }[];
  };
  const sent = oobCodes.filter((code) => code.requestType === "VERIFY_AND_CHANGE_EMAIL" && code.newEmail === newEmail);
  const code = sent.at(-1)?.oobCode;
  if (!code) throw new Error("The emulator recorded no email-change code");
  return code;
}
