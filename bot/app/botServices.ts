import type { CloudAdapter } from "botbuilder";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { NoticeCardData } from "../../cards/noticeCard";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import type { BotConfig } from "../config";
import type { AppLogger } from "../logging/logger";
import type { PacedSender } from "../posting/pacedSender";
import type { BackgroundJobs } from "./backgroundJobs";
import type { openStorage } from "../../storage/openStorage";

export type BotStorage = Awaited<ReturnType<typeof openStorage>>;

/**
 * Every port the bot has, assembled once in createBotApp. Functions name the few they use with
 * `Ports` rather than taking this whole bag; the composition root passes the bag, which has them all.
 */
export interface BotServices {
  config: BotConfig;
  framework: Framework;
  storage: BotStorage;
  logger: AppLogger;
  /** Injected so schedules, expiring links and timestamps are testable. */
  clock: () => Date;
  sender: PacedSender;
  /** Roster reads (get member, paged members): their own Teams limits, so their own paced lanes. */
  rosterReads: PacedSender;
  adapter: CloudAdapter;
  /** Empty in local use without an app registration. */
  botAppId: string;
  jobs: BackgroundJobs;
  /** Refreshes a posted card's shared view (answer count) after a submission, coalesced and paced. */
  cardUpdater: { schedule(assignment: AreaAssignment, cardKey: string): void };
  /** Posts a notice into a conversation outside the turn (paced, retried), e.g. "area 7 is ready". */
  notify(conversation: { serviceUrl: string; conversationId: string }, notice: NoticeCardData): Promise<void>;
  /** Signs download links: DOWNLOAD_LINK_SECRET, or a random one per start (links then die with a restart). */
  downloadSecret: string;
  /** Where download links point: PUBLIC_BASE_URL, else the bot's own listening URL. */
  downloadBaseUrl(): string;
}

/**
 * The ports a function uses: some services by name and, of storage, only the repositories it touches
 * — so its signature tells a reader what it reaches and a test what it must provide.
 * `Ports<"clock" | "cardUpdater", "responses">` is `{ clock; cardUpdater; storage: { responses } }`.
 */
export type Ports<S extends ServiceName = never, R extends RepositoryName = never> = Pick<BotServices, S> &
  ([R] extends [never] ? unknown : { storage: Pick<BotStorage, R> });

type ServiceName = Exclude<keyof BotServices, "storage">;
type RepositoryName = keyof BotStorage;
