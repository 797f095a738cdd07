// A table described by its columns: each column says its header and how a
// row fills its cell, so a column that only some readers see (the actions of
// someone who may manage) is one entry, not a header and a cell kept in step.
import { Fragment, type HTMLAttributes, type Key, type ReactElement, type ReactNode, type TdHTMLAttributes } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "./table";

type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

type ColumnHead =
  | { header: ReactNode }
  /** A header cell of its own, such as a sort link that sets aria-sort on its cell. */
  | { th: ReactElement };

export type Column<Row> = ColumnHead & {
  cell: (row: Row) => ReactNode;
  /** Classes of every cell of the column. */
  className?: string;
  /** Figures: right-aligned in equal widths, the header with them. */
  numeric?: boolean;
  /** The column names its row: its cells are `<th scope="row">`, which a screen reader announces with every other cell. */
  rowHeader?: boolean;
  /** Attributes of one cell that depend on its row or that tests find it by (a title, a test id). */
  cellProps?: (row: Row) => TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;
};

/** What a cell shows when there is nothing to show. */
export const noValue = <span className="text-zinc-500 dark:text-zinc-400">—</span>;

/** The last column: the row's buttons, right-aligned; screen readers call the column "Actions". */
export function actionsColumn<Row>(cell: (row: Row) => ReactNode, layout = "flex justify-end"): Column<Row> {
  return {
    header: <span className="sr-only">Actions</span>,
    // The alignment sits on an inner box, not on the cell: a button's dialog renders inside the cell and would inherit text-right.
    cell: (row) => <div className={layout}>{cell(row)}</div>,
  };
}

type Props<Row> = {
  caption: string;
  /** `false` or `null` leaves a column out, for `canManage && actionsColumn(…)`. */
  columns: (Column<Row> | false | null)[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & DataAttributes;
};

function Cell<Row>({ column, row }: { column: Column<Row>; row: Row }) {
  const { className: rowClass, ...props } = column.cellProps?.(row) ?? {};
  const className = [column.numeric ? "text-right tabular-nums" : "", column.className, rowClass].filter(Boolean).join(" ") || undefined;
  return column.rowHeader ? (
    <Th scope="row" className={className} {...props}>
      {column.cell(row)}
    </Th>
  ) : (
    <Td className={className} {...props}>
      {column.cell(row)}
    </Td>
  );
}

/** A `<Table>` with a screen-reader caption, one header row and one row per item; frame it with `<TableFrame>` where it stands alone. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowProps }: Props<Row>) {
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          {shown.map((column, index) =>
            "th" in column ? (
              <Fragment key={index}>{column.th}</Fragment>
            ) : (
              <Th key={index} className={column.numeric ? "text-right" : undefined}>
                {column.header}
              </Th>
            ),
          )}
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((column, index) => (
              <Cell key={index} column={column} row={row} />
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
