/** The staff member a staff use case acts for, taken from the verified staff session (never from a request body). */
export interface StaffActor {
  uid: string;
  role: StaffRole;
}
export type StaffRole = "support" | "admin";
