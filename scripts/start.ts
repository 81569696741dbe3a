import { serve } from "./serve";

void serve("start");
