/** Where a member who owes a second factor is sent: the profile's two-factor card (issue 16). */
export const ENROLLMENT_HREF = "/profile#two-factor-heading";
