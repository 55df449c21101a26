# Hotel bookings: date ranges in body and query, Literal room types, 409 conflicts, UUID booking ids.
# Auth: none.
from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID, uuid5

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field, model_validator

app = FastAPI(title="Hotel Booking", version="1.0.0")
NS = UUID("8f0e5a52-3c1d-4d7e-9b6a-2f1e0d9c8b7a")
RoomType = Literal["single", "double", "suite"]
RATES = {"single": Decimal("80.00"), "double": Decimal("120.00"), "suite": Decimal("260.00")}


class BookingRequest(BaseModel):
    guest: str = Field(min_length=1, max_length=80)
    room_type: RoomType
    check_in: date
    check_out: date
    guests: int = Field(default=1, ge=1, le=4)
    breakfast: bool = False

    @model_validator(mode="after")
    def _order(self):
        if self.check_out <= self.check_in:
            raise ValueError("check_out must be after check_in")
        return self


class Booking(BookingRequest):
    id: UUID
    nights: int
    price: Decimal


class Availability(BaseModel):
    room_type: RoomType
    free: int


class Problem(BaseModel):
    detail: str


CAPACITY = {"single": 2, "double": 3, "suite": 1}
BOOKINGS: dict[UUID, Booking] = {}


def _overlaps(b: Booking, start: date, end: date) -> bool:
    return b.check_in < end and start < b.check_out


@app.get("/availability", response_model=list[Availability])
def availability(check_in: date, check_out: date) -> list[Availability]:
    return [Availability(room_type=rt, free=cap - sum(1 for b in BOOKINGS.values()
                                                       if b.room_type == rt and _overlaps(b, check_in, check_out)))
            for rt, cap in CAPACITY.items()]


@app.post("/bookings", response_model=Booking, status_code=201, responses={409: {"model": Problem}})
def book(req: BookingRequest) -> Booking:
    taken = sum(1 for b in BOOKINGS.values() if b.room_type == req.room_type and _overlaps(b, req.check_in, req.check_out))
    if taken >= CAPACITY[req.room_type]:
        raise HTTPException(409, "no room available")
    nights = (req.check_out - req.check_in).days
    price = RATES[req.room_type] * nights + (Decimal("12.50") * req.guests * nights if req.breakfast else 0)
    bid = uuid5(NS, f"{req.guest}|{req.room_type}|{req.check_in}|{req.check_out}|{len(BOOKINGS)}")
    BOOKINGS[bid] = Booking(id=bid, nights=nights, price=price, **req.model_dump())
    return BOOKINGS[bid]


@app.get("/bookings/{booking_id}", response_model=Booking, responses={404: {"model": Problem}})
def get_booking(booking_id: UUID) -> Booking:
    if booking_id not in BOOKINGS:
        raise HTTPException(404, "unknown booking")
    return BOOKINGS[booking_id]


@app.delete("/bookings/{booking_id}", status_code=204, responses={404: {"model": Problem}})
def cancel(booking_id: UUID) -> Response:
    if BOOKINGS.pop(booking_id, None) is None:
        raise HTTPException(404, "unknown booking")
    return Response(status_code=204)
