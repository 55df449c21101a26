# Billing: invoices with nested line items, Decimal money, dates, an int Enum status.
# Auth: none.
from datetime import date
from decimal import Decimal
from enum import IntEnum

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Billing", version="3.1.4")


class InvoiceStatus(IntEnum):
    draft = 0
    sent = 1
    paid = 2
    void = 9


class LineItem(BaseModel):
    description: str = Field(max_length=140)
    quantity: int = Field(gt=0)
    unit_price: Decimal = Field(ge=0, decimal_places=2)


class InvoiceIn(BaseModel):
    customer: str
    issued: date
    due: date
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    lines: list[LineItem] = Field(min_length=1)


class Invoice(InvoiceIn):
    number: int
    status: InvoiceStatus
    total: Decimal


def _total(lines: list[LineItem]) -> Decimal:
    return sum((l.unit_price * l.quantity for l in lines), Decimal("0.00"))


_seed_lines = [LineItem(description="Consulting", quantity=3, unit_price=Decimal("120.00")),
               LineItem(description="Travel", quantity=1, unit_price=Decimal("45.50"))]
INVOICES: dict[int, Invoice] = {
    1001: Invoice(number=1001, customer="Acme Ltd", issued=date(2024, 1, 5), due=date(2024, 2, 5),
                  lines=_seed_lines, status=InvoiceStatus.paid, total=_total(_seed_lines)),
}


@app.post("/invoices", response_model=Invoice, status_code=201)
def create_invoice(inv: InvoiceIn) -> Invoice:
    number = max(INVOICES) + 1
    INVOICES[number] = Invoice(number=number, status=InvoiceStatus.draft, total=_total(inv.lines),
                               **inv.model_dump())
    return INVOICES[number]


@app.get("/invoices/{number}", response_model=Invoice)
def get_invoice(number: int) -> Invoice:
    if number not in INVOICES:
        raise HTTPException(404, "invoice not found")
    return INVOICES[number]


@app.get("/invoices", response_model=list[Invoice])
def list_invoices(status: InvoiceStatus | None = None) -> list[Invoice]:
    return [i for i in INVOICES.values() if status is None or i.status == status]


@app.put("/invoices/{number}/status", response_model=Invoice)
def set_status(number: int, status: InvoiceStatus) -> Invoice:
    if number not in INVOICES:
        raise HTTPException(404, "invoice not found")
    INVOICES[number] = INVOICES[number].model_copy(update={"status": status})
    return INVOICES[number]
