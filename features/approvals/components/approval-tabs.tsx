import { Inbox, Send, Stamp } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs } from "@/components/ui/tabs";
import type { ApprovalDto } from "@/packages/contracts/src/approvals/approval-dto";
import type { ApprovalTab } from "../approval-hrefs";
import { ApprovalTable } from "./approval-table";

type Lists = Record<ApprovalTab, ApprovalDto[]>;

const EMPTY: Record<ApprovalTab, { icon: typeof Inbox; title: string; text: string }> = {
  decide: {
    icon: Stamp,
    title: "Nothing waits for your decision",
    text: "When someone asks to do an action that a namespace's policy guards (reveal a value, delete, bind a secret…), and you hold the permission it needs, the request shows up here.",
  },
  mine: {
    icon: Send,
    title: "You have not requested anything",
    text: "An action that needs a second person's approval offers to request it, with a reason. Once someone approves, repeat the action: it goes through, once.",
  },
  all: {
    icon: Inbox,
    title: "No requests yet",
    text: "Owners choose which actions need a second person in each namespace's approval policy (Team → Namespaces).",
  },
};

function Panel({ tab, requests, caption }: { tab: ApprovalTab; requests: ApprovalDto[]; caption: string }) {
  if (requests.length) return <ApprovalTable caption={caption} requests={requests} />;
  const { icon, title, text } = EMPTY[tab];
  return (
    <EmptyState icon={icon} title={title}>
      {text}
    </EmptyState>
  );
}

export function ApprovalTabs({ lists, initial }: { lists: Lists; initial: ApprovalTab }) {
  const count = (tab: ApprovalTab) => (lists[tab].length ? ` (${lists[tab].length})` : "");
  return (
    <Tabs
      label="Approval requests"
      initial={initial}
      tabs={[
        {
          id: "decide",
          label: `To decide${count("decide")}`,
          content: <Panel tab="decide" requests={lists.decide} caption="Requests waiting for your decision" />,
        },
        { id: "mine", label: "Mine", content: <Panel tab="mine" requests={lists.mine} caption="Your requests, newest first" /> },
        { id: "all", label: "All", content: <Panel tab="all" requests={lists.all} caption="Every request you can see, newest first" /> },
      ]}
    />
  );
}
