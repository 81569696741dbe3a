import "server-only";
// Every job the worker runs: importing a job's module registers its handler (registerHandler in
// lib/jobs/queue.ts). A new job adds one line here.
import "./reportExport";
import "./notificationTick";
