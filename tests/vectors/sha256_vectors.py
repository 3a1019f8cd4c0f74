#!/usr/bin/env python3
"""Independent computation of the SHA-256 known answers in Sha256VectorTests.cs.

Run: python3 tests/vectors/sha256_vectors.py
It prints (canonical string, sign) per case; the C# tests assert the same values.
"""
import hashlib
import json


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def sign(fields, secret, excluded=()):
    kept = [(k, v) for k, v in fields.items() if k != "sign" and k not in excluded and v not in (None, "")]
    kept.sort(key=lambda kv: kv[0].encode())
    canonical = "".join(v for _, v in kept)
    return canonical, hashlib.sha256((canonical + secret).encode("utf-8")).hexdigest()


OFFICIAL = "3b5e10b65bff4172a5b9ca2d2ec00a6e"
SECRET = "0123456789abcdef0123456789abcdef"

print(sign({"test1": "0", "test2": "test2value", "test3": "test3value", "test4": "test4value",
            "test5": "", "test6": None}, OFFICIAL, ("test2",)))
print(sign({"merchantNo": "800209", "beneficiaryId": "1774000000000000001", "sourceCurrency": "USD",
            "sourceAmount": "100.00", "targetCurrency": "EUR", "requestId": "REQ-20261126-0001",
            "transactionPurpose": "1", "chargeFlag": "N", "reference": "Invoice 42"}, SECRET))
print(sign({"merchantNo": "800209", "bankCountry": "CN", "payoutCurrency": "CNY", "entityType": "1",
            "paymentMethod": "BANK_TRANSFER",
            "receiverInfo": dumps({"firstName": "李", "lastName": "小龙", "email": "li@example.com"}),
            "address": dumps({"countryCode": "CN", "city": "上海", "addressLine1": "1 Nanjing Rd"}),
            "accountInfomation": dumps({"cardNumber": "6222020200112233445", "bankName": "ICBC"}),
            "sourceCurrency": "USD", "targetCurrency": "CNY", "targetAmount": "700.00", "requestId": "REQ-0002",
            "transactionPurpose": "1", "chargeFlag": "Y"}, SECRET))
print(sign({"merchantNo": "800209", "bankCountry": "DE", "payoutCurrency": "EUR", "entityType": "0",
            "paymentMethod": "SWIFT", "feeBearing": "SHA",
            "receiverInfo": dumps({"companyName": "Müller & Söhne GmbH"}),
            "address": dumps({"countryCode": "DE", "city": "München"}),
            "accountInfomation": dumps({"cardNumber": "DE89370400440532013000", "swiftCode": "COBADEFFXXX"}),
            "payerDetail": dumps({"companyName": "Creator Platform Ltd", "countryCode": "AE",
                                  "addressLine1": "شارع الشيخ زايد"}),
            "sourceCurrency": "EUR", "sourceAmount": "2500.50", "targetCurrency": "EUR", "requestId": "REQ-0003",
            "transactionPurpose": "5", "chargeFlag": "N", "reference": None, "payerId": ""}, SECRET))
print(sign({"merchantNo": "800209", "requestId": "REQ-0001", "createTimeStartTime": "2026-11-01 00:00:00",
            "createTimeEndTime": "2026-11-26 23:59:59", "size": "20", "current": "1"}, SECRET))
