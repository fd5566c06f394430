export { ProvidersSettings } from "./components/ProvidersSettings";
export { ProviderForm } from "./components/ProviderForm";
export {
  useProviders,
  usePresets,
  useCreateProvider,
  useSetProviderKey,
  useKeychainStatus,
} from "./hooks/useProviders";
export {
  formFromPreset,
  inputFromForm,
  validateProviderForm,
  isHttpUrl,
  maskedKey,
} from "./model/providerForm";
export type { ProviderFormValues } from "./model/providerForm";
