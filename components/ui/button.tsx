import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

// One primary action per view; secondary for the rest; danger for what cannot be undone.
export type TButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type TButtonSize = "medium" | "small" | "large";

export function buttonClass(variant: TButtonVariant = "secondary", size: TButtonSize = "medium"): string {
  return `button button-${variant}${size === "medium" ? "" : ` button-${size}`}`;
}

export function ButtonLink({
  href,
  variant = "secondary",
  size,
  children,
  ...rest
}: { href: string; variant?: TButtonVariant; size?: TButtonSize; children: ReactNode } & Omit<
  ComponentProps<typeof Link>,
  "href" | "className"
>) {
  return (
    <Link href={href} className={buttonClass(variant, size)} {...rest}>
      {children}
    </Link>
  );
}
