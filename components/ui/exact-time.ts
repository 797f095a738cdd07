// One exact format everywhere: the console's components import it from here.
export { exactTime } from "@/packages/contracts/src/format/exact-time";
