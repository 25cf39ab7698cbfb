"use client";

/** The member's orders, newest first: what was bought, its state, and the provider's receipt once paid. */
import { useFormatter, useTranslations } from "next-intl";
import type { OrderWithRefunds } from "@/components/shared/api-types";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { LoadMore } from "@/components/shared/load-more";
import { formatMoney, fromMinorUnits } from "@/components/shared/money";
import { usePagedList } from "@/components/shared/use-paged-list";
import { ErrorAlert } from "@/components/shared/error-alert";
import { OrderRefunds } from "./order-refunds";

const PAGE_SIZE = 10;

interface OrderPage {
  orders: OrderWithRefunds[];
  nextCursor: string | null;
}

type ListedOrder = OrderWithRefunds & { id: string };

const ordersOf = (page: OrderPage): ListedOrder[] => page.orders.map((order) => ({ ...order, id: order.orderId }));

export function OrderHistory() {
  const t = useTranslations("points.orders");
  const tMember = useTranslations("member");
  const format = useMemberFormat();
  const intlFormat = useFormatter();
  const {
    items: orders,
    hasMore,
    loaded,
    loading,
    error,
    loadMore,
    setItems,
  } = usePagedList<ListedOrder, OrderPage>({ path: "/api/orders", pageSize: PAGE_SIZE, itemsOf: ordersOf });

  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">{t("heading")}</h2>
      <ErrorAlert message={error} />
      {!loaded && !error ? <p role="status">{tMember("loading")}</p> : null}
      {loaded && orders.length === 0 ? <p className="empty">{t("empty")}</p> : null}
      {orders.length > 0 ? (
        <ul className="orders">
          {orders.map((order) => (
            <li key={order.orderId} className="order-row">
              <p className="order-row__title">
                {t("order", { order: order.orderId.slice(0, 8) })} · {format.points(order.points)}
              </p>
              <p className="order-row__amount">
                {formatMoney(intlFormat, fromMinorUnits(order.amount, order.currency), order.currency)}
              </p>
              <p className="order-row__date">
                <time dateTime={order.createdAt}>{format.dateTime(order.createdAt)}</time>
              </p>
              <p className={`order-row__status order-row__status--${order.status}`}>
                {t(`statuses.${order.status}`)}
                {order.status === "pending" || order.status === "waiting_for_deposit" ? (
                  <> {t("payBy", { time: format.dateTime(order.expiresAt) })}</>
                ) : null}
              </p>
              {order.receiptUrl ? (
                <p className="order-row__receipt">
                  <a href={order.receiptUrl} target="_blank" rel="noopener noreferrer">
                    {t("receipt")}
                    <span className="visually-hidden"> {t("receiptFor", { order: order.orderId.slice(0, 8) })}</span>
                  </a>
                </p>
              ) : null}
              <OrderRefunds
                order={order}
                onChange={(changed) =>
                  setItems((current) =>
                    current.map((item) => (item.id === changed.orderId ? { ...changed, id: changed.orderId } : item)),
                  )
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore hasMore={hasMore} loading={loading} onLoadMore={loadMore} />
    </section>
  );
}
