/** Who a staff action is done by: the verified staff member and the role their session carries. */
export type StaffRole = "support" | "admin";

export interface StaffActor {
  uid: string;
  role: StaffRole;
}
