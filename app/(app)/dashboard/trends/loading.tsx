import { PageSkeleton } from "@/app/_components/PageSkeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the trends…" />;
}
