// The help dialog only needs a way to close itself.
import { closeHost } from "../../lib/server";

document.getElementById("close")?.addEventListener("click", closeHost);
