import type { TextareaHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/input";

/** A multi-line input with the console's look (components/ui has none yet). */
export function Textarea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`${inputClass} min-h-20 resize-y ${className}`} {...props} />;
}
