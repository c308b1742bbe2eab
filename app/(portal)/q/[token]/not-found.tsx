import { ProblemPage } from "@/components/ui/problem-page";

export default function UnknownQuoteLink() {
  return (
    <ProblemPage title="This link is not valid">
      <p>It may have been copied incompletely. Ask the person who sent it for a new link.</p>
    </ProblemPage>
  );
}
