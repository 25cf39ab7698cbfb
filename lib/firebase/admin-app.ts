import { getApps, initializeApp, type App } from "firebase-admin/app";

/** One firebase-admin app per project, shared by the Auth and Firestore adapters. */
export function firebaseAdminApp(projectId: string): App {
  const name = `imagesfactory-${projectId}`;
  return getApps().find((app) => app.name === name) ?? initializeApp({ projectId }, name);
}
