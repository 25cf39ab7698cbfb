import { adjustPointsInput } from "../points/adjust-points";

/** The adjustment as the API takes it: the key comes in the Idempotency-Key header. */
export const adjustPointsBody = adjustPointsInput.omit({ idempotencyKey: true });
