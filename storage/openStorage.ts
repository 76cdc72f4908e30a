import { ActionItemRepository } from "./repositories/actionItemRepository";
import { AssessmentRepository } from "./repositories/assessmentRepository";
import { AssignmentRepository } from "./repositories/assignmentRepository";
import { AuditRepository } from "./repositories/auditRepository";
import { CompiledFileRepository } from "./repositories/compiledFileRepository";
import { ConversationRepository } from "./repositories/conversationRepository";
import { DeliveryRepository } from "./repositories/deliveryRepository";
import { ModerationRepository } from "./repositories/moderationRepository";
import { PostedCardRepository } from "./repositories/postedCardRepository";
import { ResponseRepository } from "./repositories/responseRepository";
import { checkStorage, type StorageHealth } from "./storageHealth";
import { createTableClients, ensureTables, type TableStorageOptions } from "./tableClientFactory";
import { TableStateStorage } from "./tableStateStorage";
import { UNRECORDED, type WriteRecorder } from "./writeRecorder";

export interface OpenStorageOptions extends TableStorageOptions {
  /** The clock for timestamps storage sets itself (delivery claims); injectable for tests. */
  now?: () => Date;
  /** The embedded default's write-ahead journal; absent for Azure Storage, whose acknowledgements are durable. */
  recorder?: WriteRecorder;
}

/** Everything the bot stores, by aggregate. Nothing here exposes a TableClient, filter or eTag. */
export interface AppStorage {
  assessments: AssessmentRepository;
  assignments: AssignmentRepository;
  responses: ResponseRepository;
  moderation: ModerationRepository;
  /** Owner, due date and status of each action of the plan. */
  actionItems: ActionItemRepository;
  audit: AuditRepository;
  postedCards: PostedCardRepository;
  conversations: ConversationRepository;
  deliveries: DeliveryRepository;
  /** Compiled documents (chunked), served by the signed download links. */
  compiledFiles: CompiledFileRepository;
  /** botbuilder Storage for ConversationState/UserState. */
  botState: TableStateStorage;
  health(): Promise<StorageHealth>;
  /** Creates missing tables; call once at start-up (idempotent). */
  ensureTables(): Promise<void>;
}

/** The composition root's one call. Does no I/O until a method is used (or ensureTables is called). */
export function openStorage(options: OpenStorageOptions): AppStorage {
  const clients = createTableClients(options);
  const now = options.now ?? (() => new Date());
  const recorder = options.recorder ?? UNRECORDED;
  return {
    assessments: new AssessmentRepository(clients.assessments, recorder),
    assignments: new AssignmentRepository(clients.assignments, recorder),
    responses: new ResponseRepository(clients.responses, now, recorder),
    moderation: new ModerationRepository(clients.moderation, recorder),
    actionItems: new ActionItemRepository(clients.actionPlan, recorder),
    audit: new AuditRepository(clients, recorder),
    postedCards: new PostedCardRepository(clients.postedCards, recorder),
    conversations: new ConversationRepository(clients.conversations, recorder),
    deliveries: new DeliveryRepository(clients.deliveries, now, recorder),
    // Not journaled: compiled documents are re-made by `compile`; they survive a clean stop or a checkpoint.
    compiledFiles: new CompiledFileRepository(clients.compiledFiles),
    botState: new TableStateStorage(clients.botState, recorder),
    health: () => checkStorage(clients),
    ensureTables: () => ensureTables(clients),
  };
}
