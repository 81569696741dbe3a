import { PageSkeleton } from "@/app/_components/PageSkeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the report…" cards={1} />;
}
