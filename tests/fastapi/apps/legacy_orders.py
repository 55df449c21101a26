# Order API mid-migration: deprecated operations and parameters, tags, summaries, operation ids.
# Auth: none.
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(
    title="Legacy Orders",
    version="4.0.0",
    openapi_tags=[
        {"name": "orders", "description": "Current order endpoints"},
        {"name": "legacy", "description": "Scheduled for removal in v5"},
    ],
)


class Order(BaseModel):
    id: int
    item: str
    quantity: int = Field(ge=1)
    status: str = Field(default="open", deprecated=True, description="Use `state` instead")
    state: str = "open"


ORDERS = {7: Order(id=7, item="lamp", quantity=2), 8: Order(id=8, item="desk", quantity=1, state="shipped")}


@app.get("/v2/orders/{order_id}", response_model=Order, tags=["orders"],
         summary="Fetch an order", operation_id="getOrder")
def get_order(order_id: int) -> Order:
    if order_id not in ORDERS:
        raise HTTPException(404, "order not found")
    return ORDERS[order_id]


@app.get("/v1/orders/{order_id}", response_model=Order, tags=["legacy"], deprecated=True,
         summary="Fetch an order (old path)", description="Deprecated: use `GET /v2/orders/{order_id}`.")
def get_order_v1(order_id: int) -> Order:
    return get_order(order_id)


@app.get("/v2/orders", response_model=list[Order], tags=["orders"], operation_id="listOrders")
def list_orders(
    state: str | None = None,
    status: str | None = Query(default=None, deprecated=True, description="Old name for `state`"),
) -> list[Order]:
    want = state if state is not None else status
    return [o for o in ORDERS.values() if want is None or o.state == want]


@app.post("/v1/orders/{order_id}/cancel", response_model=Order, tags=["legacy", "orders"], deprecated=True)
def cancel_v1(order_id: int) -> Order:
    if order_id not in ORDERS:
        raise HTTPException(404, "order not found")
    ORDERS[order_id] = ORDERS[order_id].model_copy(update={"state": "cancelled", "status": "cancelled"})
    return ORDERS[order_id]


@app.get("/internal/ping", include_in_schema=False)
def hidden_ping() -> dict[str, str]:
    return {"pong": "yes"}
