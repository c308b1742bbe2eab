import "server-only";
import { db } from "@/lib/db";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP", "OPTIN"]);
const HELP_WORDS = new Set(["HELP", "INFO"]);

// A reply to our number: STOP (and its synonyms) opts the number out, START opts it back
// in, HELP gets where to turn. Anything else is not a command.
export async function handleInboundSms(from: string, text: string) {
  const word = text.trim().toUpperCase();
  if (STOP_WORDS.has(word)) {
    await db.smsOptOut.upsert({ where: { phone: from }, create: { phone: from, source: "STOP" }, update: {} });
    return { kind: "stop" as const };
  }
  if (START_WORDS.has(word)) {
    await db.smsOptOut.deleteMany({ where: { phone: from } });
    return { kind: "start" as const };
  }
  if (HELP_WORDS.has(word)) return { kind: "help" as const };
  return { kind: "other" as const };
}
