import { NotAvailable } from "@/components/ui/not-available";

export default function NotFound() {
  return <NotAvailable home="/desk" homeLabel="Tasks" />;
}
