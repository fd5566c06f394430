export { ProvidersSettings } from "./components/ProvidersSettings";
export { ProviderForm } from "./components/ProviderForm";
export {
  useProviders,
  usePresets,
  useCreateProvider,
  useSetProviderKey,
  useKeychainStatus,
  useDefaultProvider,
  useSetDefaultProvider,
  useFetchModels,
  useTestProvider,
} from "./hooks/useProviders";
export {
  formFromPreset,
  inputFromForm,
  validateProviderForm,
  isHttpUrl,
  maskedKey,
} from "./model/providerForm";
export type { ProviderFormValues } from "./model/providerForm";
export { modelsByKind, startingModel } from "./model/modelKinds";
export { useAddProvider } from "./hooks/useAddProvider";
export type { AddOutcome } from "./hooks/useAddProvider";
