export { notifyError } from "@/shared/errors";
