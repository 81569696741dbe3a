// The caller as every service and query sees them: which organization, who, with what role.
import type { Role } from "@/lib/generated/prisma/enums";

export type OrgSettings = {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  weekStartsOn: number;
  currency: string;
  locale: string;
  greenThreshold: number;
  amberThreshold: number;
};

export type TenantContext = {
  organizationId: string;
  userId: string;
  role: Role;
  organization: OrgSettings;
};
