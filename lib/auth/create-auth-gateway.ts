/** The identity port's factory: Firebase Auth (its emulator when FIREBASE_AUTH_EMULATOR_HOST is set). */
import type { ServerConfig } from "../config/env";
import type { AuthGateway } from "./auth-gateway";
import { FirebaseAuthGateway } from "./firebase-auth-gateway";

export function createAuthGateway(config: ServerConfig): AuthGateway {
  return new FirebaseAuthGateway(config.FIREBASE_PROJECT_ID);
}
