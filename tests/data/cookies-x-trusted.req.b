GET /ok HTTP/1.1
Host: 127.0.0.1:@PORT@
User-Agent: @UA@
Accept: */*
Cookie: jar=1; lit=1

