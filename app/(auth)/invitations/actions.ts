"use server";

import { redirect } from "next/navigation";
import { personAction } from "@/lib/actions/clients";
import { answerInvitation, ZAnswerInvitationSchema } from "@/lib/people/invitations";

export const answerInvitationAction = personAction(ZAnswerInvitationSchema, async (userId, input) => {
  const answer = await answerInvitation(userId, input);
  if (answer.accepted) redirect(answer.role === "TECHNICIAN" ? "/tech" : "/desk");
  return answer;
});
