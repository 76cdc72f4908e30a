import { gzipSync, deflateSync } from "node:zlib";
import fc from "fast-check";
import { personalMessage, cardAction } from "../../../simulator/teams/teamsActivities";
import { makePerson } from "../../../simulator/teams/people";
import { foreignIssuerToken } from "../../support/authenticatedBotProcess";
import { shortAdversarialText } from "./adversarialText";
import { gzipBomb } from "../../support/gzipBomb";
import { rawPost } from "../../support/rawHttpRequest";

const MIB = 1024 * 1024;
const FOREIGN_SERVICE_URL = "https://smba.trafficmanager.net/emea/";

/** One raw HTTP request and, when its framing and headers are sound, the one status the bot must answer. */
export interface FuzzedHttpRequest {
  bytes: Buffer;
  /** undefined: abused framing or headers, where Node's parser may answer 400/431 or close the connection. */
  expected?: number;
  label: string;
}

/** Built once: ~100 KB that inflate to 100 MiB. */
const GZIP_BOMB = gzipBomb(100);

const activityJson = fc
  .oneof(
    fc.constant(
      personalMessage({ serviceUrl: FOREIGN_SERVICE_URL, from: makePerson("Eve Outsider"), text: "details name=Evil" }),
    ),
    fc.constant(
      cardAction({
        serviceUrl: FOREIGN_SERVICE_URL,
        from: makePerson("Eve Outsider"),
        verb: "submitAnswer",
        data: { rating: "4" },
      }),
    ),
    shortAdversarialText.map((text) =>
      personalMessage({ serviceUrl: FOREIGN_SERVICE_URL, from: makePerson("Eve Outsider"), text }),
    ),
  )
  .map((activity) => Buffer.from(JSON.stringify(activity)));

type Body = { bytes: Buffer; kind: "activity" | "notActivity" | "malformed" | "oversized" };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: activityJson.map((bytes) => ({ bytes, kind: "activity" as const })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom("{}", "[]", "null", "0", '""', '{"type":""}', '{"type":"message"}', '{"type":1}')
      .map((text) => ({ bytes: Buffer.from(text), kind: "notActivity" as const })),
  },
  {
    weight: 2,
    arbitrary: fc
      .json({ maxDepth: 3 })
      .filter((text) => !text.startsWith("{"))
      .map((text) => ({ bytes: Buffer.from(text), kind: "notActivity" as const })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(activityJson, fc.nat())
      .map(([bytes, cut]) => ({ bytes: bytes.subarray(0, cut % bytes.length), kind: "malformed" as const })),
  },
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 300 })
      .filter((bytes) => !isJsonObject(bytes))
      .map((bytes) => ({ bytes: Buffer.from(bytes), kind: "malformed" as const })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 64 * 1024 })
      .map((extra) => ({ bytes: Buffer.alloc(MIB + extra, 0x20), kind: "oversized" as const })),
  },
);

const jsonContentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "Application/JSON",
  'application/json; charset="UTF-8"',
);
const otherContentType = fc.constantFrom(
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "text/plain",
  "application/octet-stream",
  "application/json; charset=utf-16",
  "application/jsonx",
  "text/json",
  "",
);
const encoding = fc.constantFrom("gzip", "deflate", "br", "GZIP", "x-gzip", "identity, gzip", "compress", "gzip, gzip");
const authorization = fc.constantFrom<ReadonlyArray<string>>(
  [],
  ["Authorization: Bearer not.a.jwt"],
  [`Authorization: Bearer ${foreignIssuerToken()}`],
  ["Authorization: Basic Zm9vOmJhcg=="],
  [`Authorization: Bearer ${"x".repeat(6000)}`],
);

/** A well-framed request (exact Content-Length or honest chunks) whose status is fully determined. */
const wellFramed: fc.Arbitrary<FuzzedHttpRequest> = fc
  .record({
    contentType: fc.oneof(
      { weight: 4, arbitrary: jsonContentType.map((value) => ({ value, json: true })) },
      { weight: 1, arbitrary: otherContentType.map((value) => ({ value, json: false })) },
    ),
    encoding: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: encoding }),
    compress: fc.constantFrom("none", "gzip", "deflate", "bomb"),
    body,
    authorization,
    chunked: fc.boolean(),
  })
  .map((spec) => {
    const payload = spec.encoding === null ? spec.body.bytes : compressed(spec.compress, spec.body.bytes);
    const headers = [
      ...(spec.contentType.value === "" ? [] : [`Content-Type: ${spec.contentType.value}`]),
      ...(spec.encoding === null ? [] : [`Content-Encoding: ${spec.encoding}`]),
      ...spec.authorization,
    ];
    const bytes = spec.chunked
      ? request([...headers, "Transfer-Encoding: chunked"], chunks(payload))
      : request([...headers, `Content-Length: ${payload.length}`], payload);
    const expected =
      !spec.contentType.json || spec.encoding !== null
        ? 415
        : spec.body.kind === "oversized"
          ? 413
          : spec.body.kind === "activity"
            ? 401
            : 400;
    return {
      bytes,
      expected,
      label: `${spec.contentType.value || "no content type"} | ${spec.encoding ?? "plain"} | ${spec.body.kind}${spec.chunked ? " | chunked" : ""}`,
    };
  });

/** Framing lies and header abuse: Node's parser or the bot may refuse them in several ways, never with a 2xx or 5xx. */
const abused: fc.Arbitrary<FuzzedHttpRequest> = fc
  .tuple(
    fc.constantFrom(
      "length too long",
      "length too short",
      "two lengths",
      "negative length",
      "length not a number",
      "length and chunked",
      "chunk size lies",
      "chunk size not hex",
      "no last chunk",
      "duplicate content types",
      "huge header",
      "many headers",
      "header with a bare CR",
      "header without a colon",
      "huge URL",
      "HTTP/1.0 without length",
      "obsolete line folding",
    ),
    activityJson,
  )
  .map(([lie, payload]) => ({ bytes: abusedRequest(lie, payload), label: lie }));

export const fuzzedHttpRequest: fc.Arbitrary<FuzzedHttpRequest> = fc.oneof(
  { weight: 3, arbitrary: wellFramed },
  { weight: 1, arbitrary: abused },
);

function abusedRequest(lie: string, payload: Buffer): Buffer {
  const json = "Content-Type: application/json";
  switch (lie) {
    case "length too long":
      return request([json, `Content-Length: ${payload.length + 100}`], payload);
    case "length too short":
      return request([json, `Content-Length: ${Math.floor(payload.length / 2)}`], payload);
    case "two lengths":
      return request([json, `Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`], payload);
    case "negative length":
      return request([json, "Content-Length: -1"], payload);
    case "length not a number":
      return request([json, "Content-Length: 12abc"], payload);
    case "length and chunked":
      return request([json, `Content-Length: ${payload.length}`, "Transfer-Encoding: chunked"], chunks(payload));
    case "chunk size lies":
      return request(
        [json, "Transfer-Encoding: chunked"],
        Buffer.concat([
          Buffer.from(`${(payload.length + 50).toString(16)}\r\n`),
          payload,
          Buffer.from("\r\n0\r\n\r\n"),
        ]),
      );
    case "chunk size not hex":
      return request(
        [json, "Transfer-Encoding: chunked"],
        Buffer.concat([Buffer.from("zz\r\n"), payload, Buffer.from("\r\n0\r\n\r\n")]),
      );
    case "no last chunk":
      return request(
        [json, "Transfer-Encoding: chunked"],
        Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from("\r\n")]),
      );
    case "duplicate content types":
      return request(
        [
          "Content-Type: application/json",
          "Content-Type: multipart/form-data; boundary=x",
          `Content-Length: ${payload.length}`,
        ],
        payload,
      );
    case "huge header":
      return request([json, `X-Padding: ${"a".repeat(20 * 1024)}`, `Content-Length: ${payload.length}`], payload);
    case "many headers":
      return request(
        [json, ...Array.from({ length: 3000 }, (_, index) => `X-H${index}: v`), `Content-Length: ${payload.length}`],
        payload,
      );
    case "header with a bare CR":
      return request([json, "X-Bad: a\rb", `Content-Length: ${payload.length}`], payload);
    case "header without a colon":
      return request([json, "NoColonHere", `Content-Length: ${payload.length}`], payload);
    case "huge URL":
      return request([json, `Content-Length: ${payload.length}`], payload, `/api/messages?${"q".repeat(20 * 1024)}`);
    case "HTTP/1.0 without length":
      return Buffer.concat([Buffer.from(`POST /api/messages HTTP/1.0\r\n${json}\r\n\r\n`), payload]);
    default:
      return request([json, "X-Folded: a", " continued", `Content-Length: ${payload.length}`], payload);
  }
}

function request(headerLines: readonly string[], payload: Buffer, path?: string): Buffer {
  return rawPost(["Connection: close", ...headerLines], payload, path);
}

function chunks(payload: Buffer): Buffer {
  const half = Math.floor(payload.length / 2);
  const parts = [payload.subarray(0, half), payload.subarray(half)].filter((part) => part.length > 0);
  return Buffer.concat([
    ...parts.flatMap((part) => [Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")]),
    Buffer.from("0\r\n\r\n"),
  ]);
}

function compressed(how: string, payload: Buffer): Buffer {
  if (how === "gzip") return gzipSync(payload);
  if (how === "deflate") return deflateSync(payload);
  if (how === "bomb") return GZIP_BOMB;
  return payload;
}

function isJsonObject(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
    return value !== null && typeof value === "object";
  } catch {
    return false;
  }
}
