/**
 * The work signal on Firestore: the queued documents are the signal. A worker
 * listens to the queued generations and to the mail outbox (onSnapshot), so a job
 * submitted by any web server reaches it in one round trip, and notify has nothing
 * to send beyond this process. In production no worker listens: the Cloud Functions
 * triggers on the same documents run the work.
 */
import { getFirestore, type Query } from "firebase-admin/firestore";
import { GENERATIONS } from "../generation/generation-job";
import { firebaseAdminApp } from "../firebase/admin-app";
import { MAIL_OUTBOX } from "../mail/mail-outbox";
import { errorFields, logger } from "../observability/logger";
import { LocalListeners, type WorkKind, type WorkSignal } from "./work-signal";

export class FirestoreWorkSignal implements WorkSignal {
  private readonly local = new LocalListeners();

  constructor(private readonly projectId: string) {}

  notify(kind: WorkKind): void {
    this.local.tell(kind);
  }

  listen(onWork: (kind: WorkKind) => void): () => void {
    const firestore = getFirestore(firebaseAdminApp(this.projectId));
    const watched: [WorkKind, Query][] = [
      ["generation", firestore.collection(GENERATIONS.name).where("status", "==", "queued")],
      ["mail", firestore.collection(MAIL_OUTBOX.name)],
    ];
    const stops = watched.map(([kind, query]) =>
      query.onSnapshot(
        // Only arrivals: a queued job that is claimed leaves the query, a mail being sent changes in place.
        (snapshot) => {
          if (snapshot.docChanges().some((change) => change.type === "added")) onWork(kind);
        },
        // The SDK retries transient errors itself; one it gives up on leaves the worker to its poll.
        (error) => logger.warn("work_signal.listen_failed", { kind, ...errorFields(error) }),
      ),
    );
    const stopLocal = this.local.add(onWork);
    return () => {
      stopLocal();
      for (const stop of stops) stop();
    };
  }
}
