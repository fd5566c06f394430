import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TranslationProvider } from "@/shared/i18n";
import { useResolvedTheme } from "@/shared/theme";
import { TooltipProvider } from "@/shared/ui";

export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const theme = useResolvedTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider delayDuration={500} skipDelayDuration={200}>
        <TranslationProvider>{children}</TranslationProvider>
        <Toaster
          theme={theme}
          position="bottom-right"
          closeButton
          richColors={false}
          toastOptions={{ className: "text-[13px]" }}
        />
      </TooltipProvider>
    </QueryClientProvider>
  );
}
