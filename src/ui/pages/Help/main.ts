// The help dialog only needs a way to close itself.
import { wireClose } from "../../lib/page";

wireClose();
