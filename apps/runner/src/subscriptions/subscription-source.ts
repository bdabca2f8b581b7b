/** An action subscription as the runner sees it: messages on `queue` start runs of `actionId`. */
export interface ActionSubscriptionTarget {
  queue: string;
  actionId: string;
}

export interface SubscriptionSource {
  list(): Promise<ActionSubscriptionTarget[]>;
}
