import { Firestore } from "firebase-admin/firestore";
import { describe } from "vitest";
import { FirestoreDatabase } from "../../lib/db/firestore/firestore-database";
import { describeDatabaseContract } from "./contracts/database-contract";

const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;

// firebase-admin talks to the emulator named by FIRESTORE_EMULATOR_HOST; a demo-
// project id can never reach a real project.
const open = async (): Promise<FirestoreDatabase> =>
  new FirestoreDatabase(new Firestore({ projectId: "demo-database-contract" }), { maxAttempts: 20 });

// The emulator accepts every query, so the missing-index case only runs on the SQLite
// adapter; its transaction lock times out under 50 racing transactions.
const options = { enforcesIndexes: false, contenders: 10 };

if (emulatorHost) {
  describeDatabaseContract(`FirestoreDatabase on the emulator at ${emulatorHost}`, open, options);
} else {
  describe.skip("FIRESTORE_EMULATOR_HOST is not set: no Firestore emulator on this machine", () => {
    describeDatabaseContract("FirestoreDatabase", open, options);
  });
}
